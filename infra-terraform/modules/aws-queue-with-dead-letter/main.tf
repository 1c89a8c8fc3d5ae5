locals {
  fourteen_days_seconds = 1209600
  four_days_seconds     = 345600
}

resource "aws_sqs_queue" "dead_letter" {
  name                      = "${var.name}-dead-letter"
  message_retention_seconds = local.fourteen_days_seconds
  sqs_managed_sse_enabled   = true
  tags                      = var.tags
}

resource "aws_sqs_queue" "this" {
  name                       = var.name
  visibility_timeout_seconds = var.consumer_timeout_seconds * var.visibility_timeout_multiplier
  message_retention_seconds  = local.four_days_seconds
  receive_wait_time_seconds  = 20
  sqs_managed_sse_enabled    = true

  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dead_letter.arn
    maxReceiveCount     = var.max_receive_count
  })

  tags = var.tags
}

# Only this queue may dead-letter into its dead-letter queue (and be the target of a redrive back).
resource "aws_sqs_queue_redrive_allow_policy" "dead_letter" {
  queue_url = aws_sqs_queue.dead_letter.id

  redrive_allow_policy = jsonencode({
    redrivePermission = "byQueue"
    sourceQueueArns   = [aws_sqs_queue.this.arn]
  })
}

resource "aws_sns_topic_subscription" "this" {
  for_each = var.sns_subscriptions

  topic_arn            = each.value
  protocol             = "sqs"
  endpoint             = aws_sqs_queue.this.arn
  raw_message_delivery = false
}

data "aws_iam_policy_document" "sns_delivery" {
  count = length(var.sns_subscriptions) == 0 ? 0 : 1

  statement {
    sid       = "SnsTopicsDeliver"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.this.arn]

    principals {
      type        = "Service"
      identifiers = ["sns.amazonaws.com"]
    }

    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = values(var.sns_subscriptions)
    }
  }
}

resource "aws_sqs_queue_policy" "this" {
  count = length(var.sns_subscriptions) == 0 ? 0 : 1

  queue_url = aws_sqs_queue.this.id
  policy    = data.aws_iam_policy_document.sns_delivery[0].json
}
