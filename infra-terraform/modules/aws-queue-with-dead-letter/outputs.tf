output "queue_arn" {
  description = "ARN of the work queue."
  value       = aws_sqs_queue.this.arn
}

output "queue_url" {
  description = "URL of the work queue."
  value       = aws_sqs_queue.this.id
}

output "queue_name" {
  description = "Name of the work queue."
  value       = aws_sqs_queue.this.name
}

output "queue_visibility_timeout_seconds" {
  description = "Visibility timeout of the work queue."
  value       = aws_sqs_queue.this.visibility_timeout_seconds
}

output "queue_dead_letter_arn" {
  description = "ARN of the dead-letter queue."
  value       = aws_sqs_queue.dead_letter.arn
}

output "queue_dead_letter_url" {
  description = "URL of the dead-letter queue (scripts/replay-dlq --aws-queue)."
  value       = aws_sqs_queue.dead_letter.id
}
