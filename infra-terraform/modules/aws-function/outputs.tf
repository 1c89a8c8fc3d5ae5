output "function_name" {
  description = "Lambda function name."
  value       = aws_lambda_function.this.function_name
}

output "function_arn" {
  description = "Unqualified function ARN."
  value       = aws_lambda_function.this.arn
}

output "function_alias_arn" {
  description = "ARN of the live alias (published SnapStart version); point triggers here."
  value       = aws_lambda_alias.this.arn
}

output "function_version" {
  description = "Version the live alias points at."
  value       = aws_lambda_function.this.version
}

output "function_url" {
  description = "HTTPS endpoint, or null when the function has none."
  value       = try(aws_lambda_function_url.this[0].function_url, null)
}

output "function_role_arn" {
  description = "ARN of the function's own execution role."
  value       = aws_iam_role.this.arn
}

output "function_role_name" {
  description = "Name of the function's own execution role."
  value       = aws_iam_role.this.name
}

output "function_log_group_name" {
  description = "CloudWatch log group of the function."
  value       = aws_cloudwatch_log_group.this.name
}
