locals {
  default_function_settings = {
    "sign-upload"         = { memory = "1Gi", timeout_seconds = 15 }
    "verify-webhook"      = { memory = "512Mi", timeout_seconds = 15 }
    "apply-webhook-event" = { memory = "1Gi", timeout_seconds = 60 }
    "make-thumbnail"      = { memory = "2Gi", timeout_seconds = 120 }
    "extract-text"        = { memory = "2Gi", timeout_seconds = 300 }
    "poll-usage"          = { memory = "1Gi", timeout_seconds = 120 }
    "clean-up-assets"     = { memory = "1Gi", timeout_seconds = 540 }
  }
  settings = merge(local.default_function_settings, var.function_settings)

  artifacts = { for name in keys(local.default_function_settings) : name => "${var.artifacts_dir}/functions/${name}/gcp/target/${name}-gcp.zip" }

  database_url = var.cloud_sql == null ? var.database_url : module.database[0].cloud_sql_jdbc_url

  # Every database-using function: migrations run by scripts/migrate, never at a cold start.
  database_environment = {
    SPRING_DATASOURCE_URL      = local.database_url
    SPRING_DATASOURCE_USERNAME = var.database_username
    MEDIA_DATABASE_MIGRATE     = "false"
  }
  database_secrets = {
    SPRING_DATASOURCE_PASSWORD = google_secret_manager_secret.this["database_password"].secret_id
  }

  buckets_environment = {
    MEDIA_GCP_ORIGINALS_BUCKET = module.originals_bucket.bucket_name
    MEDIA_GCP_DERIVED_BUCKET   = module.derived_bucket.bucket_name
  }

  public_base_url_environment = var.public_base_url == null ? {} : { MEDIA_PUBLIC_BASE_URL = var.public_base_url }

  # A push request waits for the function's answer at most the subscription's ack deadline (10-600 s).
  ack_deadline_seconds = { for name, s in local.settings : name => min(600, max(10, s.timeout_seconds)) }

  apis = [
    "cloudbuild.googleapis.com",
    "cloudfunctions.googleapis.com",
    "cloudscheduler.googleapis.com",
    "eventarc.googleapis.com",
    "artifactregistry.googleapis.com",
    "pubsub.googleapis.com",
    "run.googleapis.com",
    "secretmanager.googleapis.com",
    "storage.googleapis.com",
  ]
}
