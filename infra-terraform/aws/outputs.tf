output "function_sign_upload_url" {
  description = "HTTPS endpoint browsers call to sign an upload."
  value       = module.sign_upload.function_url
}

output "function_verify_webhook_url" {
  description = "Notification URL to configure in Cloudinary."
  value       = module.verify_webhook.function_url
}

output "function_names" {
  description = "Lambda name per function."
  value = {
    "sign-upload"         = module.sign_upload.function_name
    "verify-webhook"      = module.verify_webhook.function_name
    "apply-webhook-event" = module.apply_webhook_event.function_name
    "make-thumbnail"      = module.make_thumbnail.function_name
    "extract-text"        = module.extract_text.function_name
    "poll-usage"          = module.poll_usage.function_name
    "clean-up-assets"     = module.clean_up_assets.function_name
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

output "topic_events_arn" {
  description = "SNS topic of pipeline events for host applications to subscribe to."
  value       = aws_sns_topic.events.arn
}

output "queue_urls" {
  description = "Work queue URL per consumer."
  value = {
    "make-thumbnail"      = module.make_thumbnail_queue.queue_url
    "extract-text"        = module.extract_text_queue.queue_url
    "apply-webhook-event" = module.webhook_queue.queue_url
  }
}

output "queue_dead_letter_urls" {
  description = "Dead-letter queue URL per consumer, for scripts/replay-dlq --aws-queue."
  value = {
    "make-thumbnail"      = module.make_thumbnail_queue.queue_dead_letter_url
    "extract-text"        = module.extract_text_queue.queue_dead_letter_url
    "apply-webhook-event" = module.webhook_queue.queue_dead_letter_url
    "schedules"           = aws_sqs_queue.schedule_dead_letter.id
  }
}

output "secret_arns" {
  description = "Secrets Manager ARNs to fill with aws secretsmanager put-secret-value."
  value       = { for name, secret in aws_secretsmanager_secret.this : name => secret.arn }
}

output "database_jdbc_url" {
  description = "JDBC URL the functions use (for scripts/migrate)."
  value       = local.database_url
}

output "database_username" {
  description = "PostgreSQL user the functions connect as (for scripts/migrate)."
  value       = var.database_username
}
