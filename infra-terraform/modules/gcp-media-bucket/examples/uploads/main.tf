# A bucket browsers may POST signed uploads to.
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

module "bucket" {
  source = "../.."

  project              = "example-project"
  name                 = "example-media-originals"
  location             = "europe-west1"
  versioning_enabled   = true
  cors_allowed_origins = ["https://app.example.com"]
}

output "bucket_name" {
  description = "Name of the example bucket."
  value       = module.bucket.bucket_name
}
