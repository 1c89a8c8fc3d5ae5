output "schedule_arn" {
  description = "Schedule ARN."
  value       = aws_scheduler_schedule.this.arn
}

output "schedule_expression" {
  description = "When the schedule fires."
  value       = aws_scheduler_schedule.this.schedule_expression
}

output "schedule_role_arn" {
  description = "Role Scheduler assumes to invoke the target."
  value       = aws_iam_role.this.arn
}
