data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["scheduler.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "this" {
  name               = "${var.name}-schedule"
  assume_role_policy = data.aws_iam_policy_document.assume.json
  tags               = var.tags
}

data "aws_iam_policy_document" "this" {
  statement {
    sid       = "InvokeTarget"
    actions   = ["lambda:InvokeFunction"]
    resources = [var.target_function_arn]
  }

  dynamic "statement" {
    for_each = var.dead_letter_queue == null ? [] : [var.dead_letter_queue.arn]
    content {
      sid       = "SendUndelivered"
      actions   = ["sqs:SendMessage"]
      resources = [statement.value]
    }
  }
}

resource "aws_iam_role_policy" "this" {
  name   = "${var.name}-schedule"
  role   = aws_iam_role.this.id
  policy = data.aws_iam_policy_document.this.json
}
