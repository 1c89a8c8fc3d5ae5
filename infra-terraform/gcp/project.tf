resource "google_project_service" "this" {
  for_each = var.enable_apis ? toset(local.apis) : toset([])

  project            = var.project
  service            = each.value
  disable_on_destroy = false
}

data "google_project" "this" {
  project_id = var.project
}

data "google_storage_project_service_account" "this" {
  project = var.project
}

# Allow-listed project-level grant: Eventarc's Cloud Storage triggers need the Cloud Storage service
# agent to publish to the Pub/Sub topics Eventarc creates itself, which cannot be named beforehand.
resource "google_project_iam_member" "storage_agent_publishes_events" {
  project = var.project
  role    = "roles/pubsub.publisher"
  member  = "serviceAccount:${data.google_storage_project_service_account.this.email_address}"
}
