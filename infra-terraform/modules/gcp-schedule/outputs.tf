output "schedule_job_id" {
  description = "Full id of the Cloud Scheduler job."
  value       = google_cloud_scheduler_job.this.id
}

output "schedule_cron" {
  description = "When the job fires."
  value       = google_cloud_scheduler_job.this.schedule
}
