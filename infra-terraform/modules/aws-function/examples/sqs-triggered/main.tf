# A queue-fed Lambda from a prebuilt jar: the queue's visibility follows the function's timeout.
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

module "queue" {
  source = "../../../aws-queue-with-dead-letter"

  name                     = "example-make-thumbnail"
  consumer_timeout_seconds = 120
}

module "function" {
  source = "../.."

  name                = "example-make-thumbnail"
  artifact_path       = "${path.module}/../../../../../functions/make-thumbnail/aws/target/make-thumbnail-aws.jar"
  artifact_bucket     = "example-artifacts"
  main_class          = "dev.mediapipeline.fn.makethumbnail.aws.MakeThumbnailLambda"
  function_definition = "makeThumbnailLambda"
  memory_mb           = 2048
  timeout_seconds     = 120

  sqs_trigger = { queue_arn = module.queue.queue_arn }

  policy_statements = [{
    sid       = "ReadOriginals"
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::example-originals/originals/*"]
  }]
}

output "function_alias_arn" {
  description = "Live alias of the example function."
  value       = module.function.function_alias_arn
}
