# A Cloud Function on the finalize event of a bucket, from a prebuilt zip.
terraform {
  required_version = ">= 1.6"

  required_providers {
    google = {
      source  = "hashicorp/google"
      version = ">= 6.0, < 7.0"
    }
  }
}

provider "google" {
  project = "example-project"
  region  = "europe-west1"
}

module "function" {
  source = "../.."

  project             = "example-project"
  region              = "europe-west1"
  name                = "example-make-thumbnail"
  artifact_path       = "${path.module}/../../../../../functions/make-thumbnail/gcp/target/make-thumbnail-gcp.zip"
  source_bucket       = "example-function-sources"
  main_class          = "dev.mediapipeline.fn.makethumbnail.gcp.MakeThumbnailCloudFunction"
  function_definition = "makeThumbnailCloudFunction"
  memory              = "2Gi"
  timeout_seconds     = 120

  event_trigger = {
    event_type    = "google.cloud.storage.object.v1.finalized"
    event_filters = [{ attribute = "bucket", value = "example-originals" }]
  }
  project_roles = ["roles/eventarc.eventReceiver"]
  bucket_roles  = [{ bucket = "example-originals", role = "roles/storage.objectViewer" }]
}

output "function_service_account_email" {
  description = "The example function's own account."
  value       = module.function.function_service_account_email
}
