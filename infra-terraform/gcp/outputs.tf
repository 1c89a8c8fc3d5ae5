output "function_sign_upload_url" {
  description = "HTTPS endpoint browsers call to sign an upload."
  value       = module.sign_upload.function_uri
}

output "function_verify_webhook_url" {
  description = "Notification URL to configure in Cloudinary."
  value       = module.verify_webhook.function_uri
}

output "function_service_accounts" {
  description = "Service account e-mail per function."
  value = {
    "sign-upload"         = module.sign_upload.function_service_account_email
    "verify-webhook"      = module.verify_webhook.function_service_account_email
    "apply-webhook-event" = module.apply_webhook_event.function_service_account_email
    "make-thumbnail"      = module.make_thumbnail.function_service_account_email
    "extract-text"        = module.extract_text.function_service_account_email
    "poll-usage"          = module.poll_usage.function_service_account_email
    "clean-up-assets"     = module.clean_up_assets.function_service_account_email
  }
}

output "bucket_originals_name" {
  description = "Bucket uploads land in (keys originals/...)."
  value       = module.originals_bucket.bucket_name
}

output "bucket_derived_name" {
  description = "Bucket of renditions and text documents (keys derived/...)."
  value       = module.derived_bucket.bucket_name
}

output "topic_events_id" {
  description = "Pub/Sub topic of pipeline events for host applications to subscribe to."
  value       = google_pubsub_topic.events.id
}

output "topic_ids" {
  description = "Source topic per consumer (the --to of scripts/replay-dlq)."
  value = {
    "extract-text"        = module.storage_notifications_queue.topic_id
    "apply-webhook-event" = module.webhook_queue.topic_id
    "poll-usage"          = module.poll_usage_queue.topic_id
    "clean-up-assets"     = module.clean_up_assets_queue.topic_id
  }
}

output "subscription_dead_letter_ids" {
  description = "Dead-letter subscription per consumer, for scripts/replay-dlq --gcp-subscription."
  value = {
    "extract-text"        = module.storage_notifications_queue.dead_letter_subscription_id
    "apply-webhook-event" = module.webhook_queue.dead_letter_subscription_id
    "poll-usage"          = module.poll_usage_queue.dead_letter_subscription_id
    "clean-up-assets"     = module.clean_up_assets_queue.dead_letter_subscription_id
  }
}

output "secret_ids" {
  description = "Secret Manager secrets to fill with gcloud secrets versions add."
  value       = { for name, secret in google_secret_manager_secret.this : name => secret.secret_id }
}

output "database_jdbc_url" {
  description = "JDBC URL the functions use (for scripts/migrate)."
  value       = local.database_url
}

output "database_username" {
  description = "PostgreSQL user the functions connect as (for scripts/migrate)."
  value       = var.database_username
}
