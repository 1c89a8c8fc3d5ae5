output "function_name" {
  description = "Function name."
  value       = google_cloudfunctions2_function.this.name
}

output "function_uri" {
  description = "HTTPS endpoint of the function."
  value       = google_cloudfunctions2_function.this.service_config[0].uri
}

output "function_service_account_email" {
  description = "E-mail of the function's own service account."
  value       = google_service_account.this.email
}

output "function_service_account_member" {
  description = "IAM member string of the function's own service account."
  value       = google_service_account.this.member
}

output "function_service_account_id" {
  description = "Resource name of the function's own service account (projects/<p>/serviceAccounts/<email>)."
  value       = google_service_account.this.name
}
