output "topic_id" {
  description = "Full id of the topic (projects/<p>/topics/<name>)."
  value       = google_pubsub_topic.this.id
}

output "topic_name" {
  description = "Topic name."
  value       = google_pubsub_topic.this.name
}

output "subscription_id" {
  description = "Full id of the work subscription."
  value       = google_pubsub_subscription.this.id
}

output "dead_letter_topic_id" {
  description = "Full id of the dead-letter topic."
  value       = google_pubsub_topic.dead_letter.id
}

output "dead_letter_subscription_id" {
  description = "Full id of the dead-letter subscription (scripts/replay-dlq --gcp-subscription)."
  value       = google_pubsub_subscription.dead_letter.id
}
