module "poll_usage_schedule" {
  source = "../modules/aws-schedule"

  name                = "${var.name_prefix}-poll-usage"
  schedule_expression = "rate(15 minutes)"
  target_function_arn = module.poll_usage.function_alias_arn
  input               = jsonencode({ triggeredBy = "schedule:poll-usage" })
  dead_letter_queue   = { arn = aws_sqs_queue.schedule_dead_letter.arn }
}

module "clean_up_assets_schedule" {
  source = "../modules/aws-schedule"

  name                = "${var.name_prefix}-clean-up-assets"
  schedule_expression = "cron(0 2 * * ? *)"
  timezone            = "UTC"
  target_function_arn = module.clean_up_assets.function_alias_arn
  input               = jsonencode({ triggeredBy = "schedule", dryRun = false })
  dead_letter_queue   = { arn = aws_sqs_queue.schedule_dead_letter.arn }
}
