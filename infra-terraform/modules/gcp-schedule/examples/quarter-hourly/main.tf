# A job publishing to a topic every 15 minutes (UTC).
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

module "schedule" {
  source = "../.."

  project  = "example-project"
  region   = "europe-west1"
  name     = "example-poll-usage"
  schedule = "*/15 * * * *"
  topic_id = "projects/example-project/topics/example-poll-usage"
  payload  = jsonencode({ triggeredBy = "schedule:poll-usage" })
}

output "schedule_job_id" {
  description = "Id of the example job."
  value       = module.schedule.schedule_job_id
}
