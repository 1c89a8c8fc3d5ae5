locals {
  # The handler never changes; which bean runs is configuration (MAIN_CLASS + definition).
  handler = "org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest"

  environment = merge(
    {
      MAIN_CLASS                       = var.main_class
      SPRING_CLOUD_FUNCTION_DEFINITION = var.function_definition
    },
    var.environment,
    var.secret_arns,
  )
}

resource "aws_cloudwatch_log_group" "this" {
  name              = "/aws/lambda/${var.name}"
  retention_in_days = var.log_retention_days
  tags              = var.tags
}

resource "aws_s3_object" "artifact" {
  bucket      = var.artifact_bucket
  key         = "${var.name}/${filemd5(var.artifact_path)}.jar"
  source      = var.artifact_path
  source_hash = filemd5(var.artifact_path)
  tags        = var.tags
}

resource "aws_lambda_function" "this" {
  function_name    = var.name
  role             = aws_iam_role.this.arn
  runtime          = "java21"
  handler          = local.handler
  architectures    = [var.architecture]
  memory_size      = var.memory_mb
  timeout          = var.timeout_seconds
  s3_bucket        = aws_s3_object.artifact.bucket
  s3_key           = aws_s3_object.artifact.key
  source_code_hash = filebase64sha256(var.artifact_path)
  layers           = var.layers

  # SnapStart restores a snapshot of the initialised JVM instead of booting Spring on every cold start;
  # it applies to published versions only, hence publish + the live alias below.
  publish = true

  snap_start {
    apply_on = "PublishedVersions"
  }

  environment {
    variables = local.environment
  }

  dynamic "vpc_config" {
    for_each = var.vpc == null ? [] : [var.vpc]
    content {
      subnet_ids         = vpc_config.value.subnet_ids
      security_group_ids = vpc_config.value.security_group_ids
    }
  }

  tags = var.tags

  depends_on = [aws_cloudwatch_log_group.this, aws_iam_role_policy.this]
}

# Triggers point at the alias, so every invocation runs a published (SnapStart) version.
resource "aws_lambda_alias" "this" {
  name             = "live"
  function_name    = aws_lambda_function.this.function_name
  function_version = aws_lambda_function.this.version
}

resource "aws_lambda_event_source_mapping" "this" {
  count = var.sqs_trigger == null ? 0 : 1

  event_source_arn        = var.sqs_trigger.queue_arn
  function_name           = aws_lambda_alias.this.arn
  batch_size              = var.sqs_trigger.batch_size
  function_response_types = ["ReportBatchItemFailures"]

  dynamic "scaling_config" {
    for_each = var.sqs_trigger.maximum_concurrency == null ? [] : [var.sqs_trigger.maximum_concurrency]
    content {
      maximum_concurrency = scaling_config.value
    }
  }
}

resource "aws_lambda_function_event_invoke_config" "this" {
  count = var.async_failure_destination == null ? 0 : 1

  function_name          = aws_lambda_function.this.function_name
  qualifier              = aws_lambda_alias.this.name
  maximum_retry_attempts = 2

  destination_config {
    on_failure {
      destination = var.async_failure_destination.queue_arn
    }
  }
}
