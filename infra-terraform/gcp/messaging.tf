# Every queue is a topic with one push subscription to its function (retry 2-16 s, 5 attempts) and a
# dead-letter topic with its own subscription. Terraform owns these subscriptions, which an Eventarc
# Pub/Sub trigger would create and hide; so the Pub/Sub-fed functions are HTTP functions that receive
# the push envelope (events/gcp/pubsub-push-storage-notification.json).

# Storage notifications (JSON_API_V1) of new originals → extract-text.
module "storage_notifications_queue" {
  source = "../modules/gcp-queue-with-dead-letter"

  project              = var.project
  name                 = "${var.name_prefix}-originals-finalized"
  ack_deadline_seconds = local.ack_deadline_seconds["extract-text"]
  push = {
    endpoint              = module.extract_text.function_uri
    service_account_email = module.extract_text.function_service_account_email
  }
}

resource "google_pubsub_topic_iam_member" "storage_agent_publishes_notifications" {
  project = var.project
  topic   = module.storage_notifications_queue.topic_name
  role    = "roles/pubsub.publisher"
  member  = "serviceAccount:${data.google_storage_project_service_account.this.email_address}"
}

resource "google_storage_notification" "originals_finalized" {
  bucket             = module.originals_bucket.bucket_name
  topic              = module.storage_notifications_queue.topic_id
  payload_format     = "JSON_API_V1"
  event_types        = ["OBJECT_FINALIZE"]
  object_name_prefix = "originals/"

  depends_on = [google_pubsub_topic_iam_member.storage_agent_publishes_notifications]
}

# Verified Cloudinary notifications → apply-webhook-event.
module "webhook_queue" {
  source = "../modules/gcp-queue-with-dead-letter"

  project              = var.project
  name                 = "${var.name_prefix}-webhook"
  ack_deadline_seconds = local.ack_deadline_seconds["apply-webhook-event"]
  push = {
    endpoint              = module.apply_webhook_event.function_uri
    service_account_email = module.apply_webhook_event.function_service_account_email
  }
}

# Scheduler ticks → poll-usage and clean-up-assets.
module "poll_usage_queue" {
  source = "../modules/gcp-queue-with-dead-letter"

  project              = var.project
  name                 = "${var.name_prefix}-poll-usage"
  ack_deadline_seconds = local.ack_deadline_seconds["poll-usage"]
  push = {
    endpoint              = module.poll_usage.function_uri
    service_account_email = module.poll_usage.function_service_account_email
  }
}

module "clean_up_assets_queue" {
  source = "../modules/gcp-queue-with-dead-letter"

  project              = var.project
  name                 = "${var.name_prefix}-clean-up-assets"
  ack_deadline_seconds = local.ack_deadline_seconds["clean-up-assets"]
  push = {
    endpoint              = module.clean_up_assets.function_uri
    service_account_email = module.clean_up_assets.function_service_account_email
  }
}

# Pipeline events (asset.enriched, asset.text-extracted, ...) for host applications to subscribe to.
resource "google_pubsub_topic" "events" {
  project = var.project
  name    = "${var.name_prefix}-events"
}
