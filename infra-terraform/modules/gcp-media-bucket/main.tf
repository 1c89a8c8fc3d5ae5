resource "google_storage_bucket" "this" {
  project                     = var.project
  name                        = var.name
  location                    = var.location
  force_destroy               = var.force_destroy
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  labels                      = var.labels

  versioning {
    enabled = var.versioning_enabled
  }

  lifecycle_rule {
    condition {
      age = var.abandoned_upload_days
    }
    action {
      type = "AbortIncompleteMultipartUpload"
    }
  }

  dynamic "lifecycle_rule" {
    for_each = var.versioning_enabled ? [var.noncurrent_version_expiration_days] : []
    content {
      condition {
        days_since_noncurrent_time = lifecycle_rule.value
        with_state                 = "ARCHIVED"
      }
      action {
        type = "Delete"
      }
    }
  }

  dynamic "cors" {
    for_each = length(var.cors_allowed_origins) == 0 ? [] : [var.cors_allowed_origins]
    content {
      origin          = cors.value
      method          = ["POST"]
      response_header = ["Content-Type", "Location", "ETag", "x-goog-generation"]
      max_age_seconds = 3600
    }
  }
}
