# A versioned bucket browsers may POST signed uploads to.
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

module "bucket" {
  source = "../.."

  name                 = "example-media-originals"
  versioning_enabled   = true
  cors_allowed_origins = ["https://app.example.com"]
}

output "bucket_arn" {
  description = "ARN of the example bucket."
  value       = module.bucket.bucket_arn
}
