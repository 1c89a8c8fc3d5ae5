resource "google_cloud_scheduler_job" "this" {
  project   = var.project
  region    = var.region
  name      = var.name
  schedule  = var.schedule
  time_zone = var.time_zone

  retry_config {
    retry_count          = 3
    min_backoff_duration = "2s"
  }

  pubsub_target {
    topic_name = var.topic_id
    data       = base64encode(var.payload)
    attributes = var.attributes
  }
}
