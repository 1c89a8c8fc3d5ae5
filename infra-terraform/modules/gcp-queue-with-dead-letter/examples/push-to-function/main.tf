# A topic pushed to an HTTPS endpoint, retried from 2 s, dead-lettered after 5 attempts.
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

module "queue" {
  source = "../.."

  project              = "example-project"
  name                 = "example-webhook"
  ack_deadline_seconds = 60
  push = {
    endpoint              = "https://example-apply-webhook-event-abc123-ew.a.run.app"
    service_account_email = "example-apply-webhook-event@example-project.iam.gserviceaccount.com"
  }
}

output "dead_letter_subscription_id" {
  description = "Where messages go after five failed deliveries."
  value       = module.queue.dead_letter_subscription_id
}
