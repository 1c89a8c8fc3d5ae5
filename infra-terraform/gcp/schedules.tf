module "poll_usage_schedule" {
  source = "../modules/gcp-schedule"

  project    = var.project
  region     = var.region
  name       = "${var.name_prefix}-poll-usage"
  schedule   = "*/15 * * * *"
  time_zone  = "Etc/UTC"
  topic_id   = module.poll_usage_queue.topic_id
  payload    = jsonencode({ triggeredBy = "schedule:poll-usage" })
  attributes = { schedule = "poll-usage" }

  depends_on = [google_project_service.this]
}

module "clean_up_assets_schedule" {
  source = "../modules/gcp-schedule"

  project    = var.project
  region     = var.region
  name       = "${var.name_prefix}-clean-up-assets"
  schedule   = "0 2 * * *"
  time_zone  = "Etc/UTC"
  topic_id   = module.clean_up_assets_queue.topic_id
  payload    = jsonencode({ triggeredBy = "schedule", dryRun = false })
  attributes = { schedule = "clean-up-assets" }

  depends_on = [google_project_service.this]
}
