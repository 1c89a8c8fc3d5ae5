# A queue that receives every message of an SNS topic (SNS envelope kept), with its dead-letter queue.
terraform {
  required_version = ">= 1.6"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.60, < 6.0"
    }
  }
}

provider "aws" {
  region = "eu-west-1"
}

resource "aws_sns_topic" "uploads" {
  name = "example-uploads"
}

module "queue" {
  source = "../.."

  name                     = "example-extract-text"
  consumer_timeout_seconds = 300
  sns_subscriptions        = { uploads = aws_sns_topic.uploads.arn }
}

output "queue_dead_letter_url" {
  description = "Where messages go after five failed receives."
  value       = module.queue.queue_dead_letter_url
}
