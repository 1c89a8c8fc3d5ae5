# A nightly invocation of an existing function's live alias.
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

module "schedule" {
  source = "../.."

  name                = "example-clean-up-assets"
  schedule_expression = "cron(0 2 * * ? *)"
  target_function_arn = "arn:aws:lambda:eu-west-1:123456789012:function:example-clean-up-assets:live"
  input               = jsonencode({ triggeredBy = "schedule", dryRun = true })
}

output "schedule_arn" {
  description = "ARN of the example schedule."
  value       = module.schedule.schedule_arn
}
