resource "aws_scheduler_schedule" "this" {
  name                         = var.name
  schedule_expression          = var.schedule_expression
  schedule_expression_timezone = var.timezone

  flexible_time_window {
    mode = "OFF"
  }

  target {
    arn      = var.target_function_arn
    role_arn = aws_iam_role.this.arn
    input    = var.input

    retry_policy {
      maximum_retry_attempts       = var.maximum_retry_attempts
      maximum_event_age_in_seconds = 3600
    }

    dynamic "dead_letter_config" {
      for_each = var.dead_letter_queue == null ? [] : [var.dead_letter_queue.arn]
      content {
        arn = dead_letter_config.value
      }
    }
  }
}
