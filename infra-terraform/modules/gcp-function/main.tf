locals {
  entry_point = "org.springframework.cloud.function.adapter.gcp.GcfJarLauncher"

  environment = merge(
    {
      MAIN_CLASS                       = var.main_class
      SPRING_CLOUD_FUNCTION_DEFINITION = var.function_definition
      GOOGLE_CLOUD_PROJECT             = var.project
    },
    var.service_account_environment_variable == null ? {} : { (var.service_account_environment_variable) = google_service_account.this.email },
    var.environment,
  )
}

resource "google_storage_bucket_object" "source" {
  name   = "${var.name}/${filemd5(var.artifact_path)}.zip"
  bucket = var.source_bucket
  source = var.artifact_path
}

resource "google_cloudfunctions2_function" "this" {
  project  = var.project
  location = var.region
  name     = var.name
  labels   = var.labels

  build_config {
    runtime     = "java21"
    entry_point = local.entry_point

    source {
      storage_source {
        bucket = google_storage_bucket_object.source.bucket
        object = google_storage_bucket_object.source.name
      }
    }
  }

  service_config {
    available_memory               = var.memory
    timeout_seconds                = var.timeout_seconds
    max_instance_count             = var.max_instances
    min_instance_count             = 0
    service_account_email          = google_service_account.this.email
    environment_variables          = local.environment
    ingress_settings               = "ALLOW_ALL"
    all_traffic_on_latest_revision = true
    vpc_connector                  = var.vpc_connector

    dynamic "secret_environment_variables" {
      for_each = var.secret_environment_variables
      content {
        key        = secret_environment_variables.key
        project_id = var.project
        secret     = secret_environment_variables.value
        version    = "latest"
      }
    }
  }

  dynamic "event_trigger" {
    for_each = var.event_trigger == null ? [] : [var.event_trigger]
    content {
      trigger_region        = var.region
      event_type            = event_trigger.value.event_type
      retry_policy          = "RETRY_POLICY_RETRY"
      service_account_email = google_service_account.this.email

      dynamic "event_filters" {
        for_each = event_trigger.value.event_filters
        content {
          attribute = event_filters.value.attribute
          value     = event_filters.value.value
        }
      }
    }
  }

  # Secrets must be readable before the first revision starts.
  depends_on = [google_secret_manager_secret_iam_member.this]
}
