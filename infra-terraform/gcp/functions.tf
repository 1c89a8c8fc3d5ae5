# One Cloud Function (gen2, java21) per function, each with its own service account. Read a block as:
# what triggers it (event_trigger, public/invokers, or the push subscription in messaging.tf), what it
# may touch (secrets, bucket_roles, topic_roles) and where its failures go (the queue's dead letter).

module "sign_upload" {
  source = "../modules/gcp-function"

  project             = var.project
  region              = var.region
  name                = "${var.name_prefix}-sign-upload"
  artifact_path       = local.artifacts["sign-upload"]
  source_bucket       = module.sources_bucket.bucket_name
  main_class          = "dev.mediapipeline.fn.signupload.gcp.SignUploadCloudFunction"
  function_definition = "signUploadCloudFunction"
  memory              = local.settings["sign-upload"].memory
  timeout_seconds     = local.settings["sign-upload"].timeout_seconds
  vpc_connector       = var.vpc_connector

  # Browsers call it directly: public with the bearer token checked by the function, or IAM-only.
  public   = var.sign_upload_public
  invokers = var.sign_upload_invokers

  # Keyless signing: the function signs POST policies as its own account through IAM signBlob.
  service_account_environment_variable = "MEDIA_GCP_SIGNER_SERVICE_ACCOUNT"

  environment = merge(local.database_environment, local.public_base_url_environment, {
    MEDIA_UPLOAD_TARGET          = var.upload_target
    MEDIA_UPLOAD_ALLOWED_ORIGINS = join(",", var.allowed_origins)
    MEDIA_GCP_ORIGINALS_BUCKET   = module.originals_bucket.bucket_name
  })
  secret_environment_variables = merge(
    local.database_secrets,
    { MEDIA_AUTH_JWT_SECRET = google_secret_manager_secret.this["jwt_secret"].secret_id },
    var.upload_target == "cloudinary" ? { CLOUDINARY_URL = google_secret_manager_secret.this["cloudinary_url"].secret_id } : {},
  )

  # A signed POST policy is only as good as the signer's own right to create the object.
  bucket_roles = [{ bucket = module.originals_bucket.bucket_name, role = "roles/storage.objectCreator" }]

  depends_on = [google_project_service.this]
}

# signBlob on itself only (roles/iam.serviceAccountTokenCreator on its own account, no other).
resource "google_service_account_iam_member" "sign_upload_signs_as_itself" {
  service_account_id = module.sign_upload.function_service_account_id
  role               = "roles/iam.serviceAccountTokenCreator"
  member             = module.sign_upload.function_service_account_member
}

module "verify_webhook" {
  source = "../modules/gcp-function"

  project             = var.project
  region              = var.region
  name                = "${var.name_prefix}-verify-webhook"
  artifact_path       = local.artifacts["verify-webhook"]
  source_bucket       = module.sources_bucket.bucket_name
  main_class          = "dev.mediapipeline.fn.verifywebhook.gcp.VerifyWebhookCloudFunction"
  function_definition = "verifyWebhookCloudFunction"
  memory              = local.settings["verify-webhook"].memory
  timeout_seconds     = local.settings["verify-webhook"].timeout_seconds

  # Public on purpose: Cloudinary cannot present Google identity tokens. The function verifies
  # Cloudinary's signature over the raw body and timestamp and answers 401 otherwise.
  public = true

  environment = {
    MEDIA_GCP_WEBHOOK_TOPIC = module.webhook_queue.topic_name
  }
  secret_environment_variables = {
    CLOUDINARY_URL = google_secret_manager_secret.this["cloudinary_url"].secret_id
  }

  topic_roles = [{ topic = module.webhook_queue.topic_name, role = "roles/pubsub.publisher" }]

  depends_on = [google_project_service.this]
}

module "apply_webhook_event" {
  source = "../modules/gcp-function"

  project             = var.project
  region              = var.region
  name                = "${var.name_prefix}-apply-webhook-event"
  artifact_path       = local.artifacts["apply-webhook-event"]
  source_bucket       = module.sources_bucket.bucket_name
  main_class          = "dev.mediapipeline.fn.applywebhookevent.gcp.ApplyWebhookEventCloudFunction"
  function_definition = "applyWebhookEventCloudFunction"
  memory              = local.settings["apply-webhook-event"].memory
  timeout_seconds     = local.settings["apply-webhook-event"].timeout_seconds
  vpc_connector       = var.vpc_connector

  # Triggered by the push subscription of module.webhook_queue (messaging.tf).
  environment                  = local.database_environment
  secret_environment_variables = local.database_secrets

  depends_on = [google_project_service.this]
}

module "make_thumbnail" {
  source = "../modules/gcp-function"

  project             = var.project
  region              = var.region
  name                = "${var.name_prefix}-make-thumbnail"
  artifact_path       = local.artifacts["make-thumbnail"]
  source_bucket       = module.sources_bucket.bucket_name
  main_class          = "dev.mediapipeline.fn.makethumbnail.gcp.MakeThumbnailCloudFunction"
  function_definition = "makeThumbnailCloudFunction"
  memory              = local.settings["make-thumbnail"].memory
  timeout_seconds     = local.settings["make-thumbnail"].timeout_seconds
  vpc_connector       = var.vpc_connector

  # Renditions go to the derived bucket, so the function's own writes never trigger it again.
  event_trigger = {
    event_type    = "google.cloud.storage.object.v1.finalized"
    event_filters = [{ attribute = "bucket", value = module.originals_bucket.bucket_name }]
  }

  environment = merge(local.database_environment, local.buckets_environment, local.public_base_url_environment, {
    MEDIA_GCP_EVENTS_TOPIC = google_pubsub_topic.events.name
  })
  secret_environment_variables = local.database_secrets

  bucket_roles = [
    { bucket = module.originals_bucket.bucket_name, role = "roles/storage.objectViewer" },
    { bucket = module.derived_bucket.bucket_name, role = "roles/storage.objectUser" },
  ]
  topic_roles = [{ topic = google_pubsub_topic.events.name, role = "roles/pubsub.publisher" }]
  # Allow-listed: an Eventarc trigger's account must receive events project-wide (no narrower grant exists).
  project_roles = ["roles/eventarc.eventReceiver"]

  depends_on = [google_project_service.this, google_project_iam_member.storage_agent_publishes_events]
}

module "extract_text" {
  source = "../modules/gcp-function"

  project             = var.project
  region              = var.region
  name                = "${var.name_prefix}-extract-text"
  artifact_path       = local.artifacts["extract-text"]
  source_bucket       = module.sources_bucket.bucket_name
  main_class          = "dev.mediapipeline.fn.extracttext.gcp.ExtractTextCloudFunction"
  function_definition = "extractTextCloudFunction"
  memory              = local.settings["extract-text"].memory
  timeout_seconds     = local.settings["extract-text"].timeout_seconds
  vpc_connector       = var.vpc_connector

  # Triggered by the push subscription of module.storage_notifications_queue (messaging.tf).
  environment = merge(local.database_environment, local.buckets_environment, {
    MEDIA_GCP_EVENTS_TOPIC = google_pubsub_topic.events.name
  })
  secret_environment_variables = local.database_secrets

  bucket_roles = [
    { bucket = module.originals_bucket.bucket_name, role = "roles/storage.objectViewer" },
    { bucket = module.derived_bucket.bucket_name, role = "roles/storage.objectUser" },
  ]
  topic_roles = [{ topic = google_pubsub_topic.events.name, role = "roles/pubsub.publisher" }]

  depends_on = [google_project_service.this]
}

module "poll_usage" {
  source = "../modules/gcp-function"

  project             = var.project
  region              = var.region
  name                = "${var.name_prefix}-poll-usage"
  artifact_path       = local.artifacts["poll-usage"]
  source_bucket       = module.sources_bucket.bucket_name
  main_class          = "dev.mediapipeline.fn.pollusage.gcp.PollUsageCloudFunction"
  function_definition = "pollUsageCloudFunction"
  memory              = local.settings["poll-usage"].memory
  timeout_seconds     = local.settings["poll-usage"].timeout_seconds
  vpc_connector       = var.vpc_connector

  # Triggered by schedules.tf through the push subscription of module.poll_usage_queue.
  environment = merge(local.database_environment, local.buckets_environment)
  secret_environment_variables = merge(local.database_secrets, {
    CLOUDINARY_URL = google_secret_manager_secret.this["cloudinary_url"].secret_id
  })

  # Listing is enough to add up bytes per folder.
  bucket_roles = [
    { bucket = module.originals_bucket.bucket_name, role = "roles/storage.objectViewer" },
    { bucket = module.derived_bucket.bucket_name, role = "roles/storage.objectViewer" },
  ]

  depends_on = [google_project_service.this]
}

module "clean_up_assets" {
  source = "../modules/gcp-function"

  project             = var.project
  region              = var.region
  name                = "${var.name_prefix}-clean-up-assets"
  artifact_path       = local.artifacts["clean-up-assets"]
  source_bucket       = module.sources_bucket.bucket_name
  main_class          = "dev.mediapipeline.fn.cleanupassets.gcp.CleanUpAssetsCloudFunction"
  function_definition = "cleanUpAssetsCloudFunction"
  memory              = local.settings["clean-up-assets"].memory
  timeout_seconds     = local.settings["clean-up-assets"].timeout_seconds
  vpc_connector       = var.vpc_connector

  # Triggered by schedules.tf through the push subscription of module.clean_up_assets_queue.
  environment = merge(local.database_environment, local.buckets_environment)
  secret_environment_variables = merge(local.database_secrets, {
    CLOUDINARY_URL = google_secret_manager_secret.this["cloudinary_url"].secret_id
  })

  # Deletes orphaned originals and renditions.
  bucket_roles = [
    { bucket = module.originals_bucket.bucket_name, role = "roles/storage.objectUser" },
    { bucket = module.derived_bucket.bucket_name, role = "roles/storage.objectUser" },
  ]

  depends_on = [google_project_service.this]
}
