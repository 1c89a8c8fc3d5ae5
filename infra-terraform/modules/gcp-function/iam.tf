resource "google_service_account" "this" {
  project      = var.project
  account_id   = trimsuffix(substr(var.name, 0, 30), "-")
  display_name = "Function ${var.name}"
}

resource "google_secret_manager_secret_iam_member" "this" {
  for_each = var.secret_environment_variables

  project   = var.project
  secret_id = each.value
  role      = "roles/secretmanager.secretAccessor"
  member    = google_service_account.this.member
}

resource "google_storage_bucket_iam_member" "this" {
  for_each = { for grant in var.bucket_roles : "${grant.bucket}/${grant.role}" => grant }

  bucket = each.value.bucket
  role   = each.value.role
  member = google_service_account.this.member
}

resource "google_pubsub_topic_iam_member" "this" {
  for_each = { for grant in var.topic_roles : "${grant.topic}/${grant.role}" => grant }

  project = var.project
  topic   = each.value.topic
  role    = each.value.role
  member  = google_service_account.this.member
}

resource "google_project_iam_member" "this" {
  for_each = toset(var.project_roles)

  project = var.project
  role    = each.value
  member  = google_service_account.this.member
}

# Who may call the endpoint: the function's own account (Eventarc and push subscriptions present its
# identity token), anyone when public, and the listed invokers.
locals {
  # Keys are fixed strings so the set of grants is known at plan time.
  invokers = merge(
    { self = google_service_account.this.member },
    var.public ? { public = "allUsers" } : {},
    { for index, member in var.invokers : "invoker-${index}" => member },
  )
}

resource "google_cloud_run_service_iam_member" "invoker" {
  for_each = local.invokers

  project  = var.project
  location = var.region
  service  = google_cloudfunctions2_function.this.name
  role     = "roles/run.invoker"
  member   = each.value
}
