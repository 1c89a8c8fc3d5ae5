# S3 → SNS → one SQS queue per consumer: each function gets its own copy of every upload event,
# its own retries and its own dead letters.
resource "aws_sns_topic" "uploads" {
  # Not KMS-encrypted on purpose: S3 cannot publish to a topic encrypted with the AWS-managed SNS key.
  name = "${var.name_prefix}-uploads"
}

data "aws_iam_policy_document" "uploads_topic" {
  statement {
    sid       = "OriginalsBucketPublishes"
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.uploads.arn]

    principals {
      type        = "Service"
      identifiers = ["s3.amazonaws.com"]
    }

    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = [module.originals_bucket.bucket_arn]
    }
  }
}

resource "aws_sns_topic_policy" "uploads" {
  arn    = aws_sns_topic.uploads.arn
  policy = data.aws_iam_policy_document.uploads_topic.json
}

resource "aws_s3_bucket_notification" "originals" {
  bucket = module.originals_bucket.bucket_name

  topic {
    topic_arn     = aws_sns_topic.uploads.arn
    events        = ["s3:ObjectCreated:*"]
    filter_prefix = "originals/"
  }

  depends_on = [aws_sns_topic_policy.uploads]
}

# Pipeline events (asset.enriched, asset.text-extracted, ...) for host applications to subscribe to.
resource "aws_sns_topic" "events" {
  name              = "${var.name_prefix}-events"
  kms_master_key_id = "alias/aws/sns"
}

module "make_thumbnail_queue" {
  source = "../modules/aws-queue-with-dead-letter"

  name                     = "${var.name_prefix}-make-thumbnail"
  consumer_timeout_seconds = local.settings["make-thumbnail"].timeout_seconds
  sns_subscriptions        = { uploads = aws_sns_topic.uploads.arn }
}

module "extract_text_queue" {
  source = "../modules/aws-queue-with-dead-letter"

  name                     = "${var.name_prefix}-extract-text"
  consumer_timeout_seconds = local.settings["extract-text"].timeout_seconds
  sns_subscriptions        = { uploads = aws_sns_topic.uploads.arn }
}

module "webhook_queue" {
  source = "../modules/aws-queue-with-dead-letter"

  name                     = "${var.name_prefix}-webhook"
  consumer_timeout_seconds = local.settings["apply-webhook-event"].timeout_seconds
}

# Scheduled invocations that failed after Lambda's and Scheduler's retries land here (no source queue:
# replay with scripts/replay-dlq ... --to <queue>, or re-run the job by hand).
resource "aws_sqs_queue" "schedule_dead_letter" {
  name                      = "${var.name_prefix}-schedules-dead-letter"
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true
}
