# One Lambda per function, each with its own role. Read a block as: what triggers it (sqs_trigger,
# function_url, schedules.tf), what it may touch (secret_arns, policy_statements) and where its
# failures go (the queue's dead-letter queue, or the schedules' dead-letter queue).

module "sign_upload" {
  source = "../modules/aws-function"

  name                = "${var.name_prefix}-sign-upload"
  artifact_path       = local.artifacts["sign-upload"]
  artifact_bucket     = module.artifacts_bucket.bucket_name
  main_class          = "dev.mediapipeline.fn.signupload.aws.SignUploadLambda"
  function_definition = "signUploadLambda"
  memory_mb           = local.settings["sign-upload"].memory_mb
  timeout_seconds     = local.settings["sign-upload"].timeout_seconds
  log_retention_days  = var.log_retention_days
  vpc                 = var.lambda_vpc

  # Browsers call it directly. With NONE the function itself rejects requests without a valid bearer
  # token; AWS_IAM adds SigV4 in front for server-side callers.
  function_url = {
    authorization_type   = var.sign_upload_authorization
    cors_allowed_origins = var.allowed_origins
  }

  environment = merge(local.database_environment, local.public_base_url_environment, {
    MEDIA_UPLOAD_TARGET          = var.upload_target
    MEDIA_UPLOAD_ALLOWED_ORIGINS = join(",", var.allowed_origins)
    MEDIA_AWS_ORIGINALS_BUCKET   = module.originals_bucket.bucket_name
  })

  secret_arns = merge(
    local.database_secrets,
    { MEDIA_AUTH_JWT_SECRET = aws_secretsmanager_secret.this["jwt_secret"].arn },
    var.upload_target == "cloudinary" ? { CLOUDINARY_URL = aws_secretsmanager_secret.this["cloudinary_url"].arn } : {},
  )

  # A POST policy is only as good as the signer's own right to put the object.
  policy_statements = [{
    sid       = "SignUploadsToOriginals"
    actions   = ["s3:PutObject"]
    resources = [local.originals_objects]
  }]
}

module "verify_webhook" {
  source = "../modules/aws-function"

  name                = "${var.name_prefix}-verify-webhook"
  artifact_path       = local.artifacts["verify-webhook"]
  artifact_bucket     = module.artifacts_bucket.bucket_name
  main_class          = "dev.mediapipeline.fn.verifywebhook.aws.VerifyWebhookLambda"
  function_definition = "verifyWebhookLambda"
  memory_mb           = local.settings["verify-webhook"].memory_mb
  timeout_seconds     = local.settings["verify-webhook"].timeout_seconds
  log_retention_days  = var.log_retention_days

  # Public on purpose: Cloudinary cannot sign IAM requests. The function verifies Cloudinary's
  # signature over the raw body and timestamp and answers 401 otherwise; no CORS (server-to-server).
  function_url = {
    authorization_type = "NONE"
  }

  environment = {
    MEDIA_AWS_WEBHOOK_QUEUE_URL = module.webhook_queue.queue_url
  }
  secret_arns = {
    CLOUDINARY_URL = aws_secretsmanager_secret.this["cloudinary_url"].arn
  }

  policy_statements = [{
    sid       = "QueueVerifiedNotifications"
    actions   = ["sqs:SendMessage"]
    resources = [module.webhook_queue.queue_arn]
  }]
}

module "apply_webhook_event" {
  source = "../modules/aws-function"

  name                = "${var.name_prefix}-apply-webhook-event"
  artifact_path       = local.artifacts["apply-webhook-event"]
  artifact_bucket     = module.artifacts_bucket.bucket_name
  main_class          = "dev.mediapipeline.fn.applywebhookevent.aws.ApplyWebhookEventLambda"
  function_definition = "applyWebhookEventLambda"
  memory_mb           = local.settings["apply-webhook-event"].memory_mb
  timeout_seconds     = local.settings["apply-webhook-event"].timeout_seconds
  log_retention_days  = var.log_retention_days
  vpc                 = var.lambda_vpc

  sqs_trigger = {
    queue_arn  = module.webhook_queue.queue_arn
    batch_size = 10
  }

  environment = local.database_environment
  secret_arns = local.database_secrets
}

module "make_thumbnail" {
  source = "../modules/aws-function"

  name                = "${var.name_prefix}-make-thumbnail"
  artifact_path       = local.artifacts["make-thumbnail"]
  artifact_bucket     = module.artifacts_bucket.bucket_name
  main_class          = "dev.mediapipeline.fn.makethumbnail.aws.MakeThumbnailLambda"
  function_definition = "makeThumbnailLambda"
  memory_mb           = local.settings["make-thumbnail"].memory_mb
  timeout_seconds     = local.settings["make-thumbnail"].timeout_seconds
  log_retention_days  = var.log_retention_days
  vpc                 = var.lambda_vpc

  sqs_trigger = {
    queue_arn  = module.make_thumbnail_queue.queue_arn
    batch_size = 1
  }

  environment = merge(local.database_environment, local.buckets_environment, local.public_base_url_environment, {
    MEDIA_AWS_EVENTS_TOPIC_ARN = aws_sns_topic.events.arn
  })
  secret_arns = local.database_secrets

  policy_statements = [
    {
      sid       = "ReadOriginals"
      actions   = ["s3:GetObject", "s3:GetObjectVersion"]
      resources = [local.originals_objects]
    },
    {
      sid       = "WriteRenditions"
      actions   = ["s3:PutObject"]
      resources = [local.derived_objects]
    },
    {
      sid       = "PublishPipelineEvents"
      actions   = ["sns:Publish"]
      resources = [aws_sns_topic.events.arn]
    },
  ]
}

module "extract_text" {
  source = "../modules/aws-function"

  name                = "${var.name_prefix}-extract-text"
  artifact_path       = local.artifacts["extract-text"]
  artifact_bucket     = module.artifacts_bucket.bucket_name
  main_class          = "dev.mediapipeline.fn.extracttext.aws.ExtractTextLambda"
  function_definition = "extractTextLambda"
  memory_mb           = local.settings["extract-text"].memory_mb
  timeout_seconds     = local.settings["extract-text"].timeout_seconds
  log_retention_days  = var.log_retention_days
  vpc                 = var.lambda_vpc
  layers              = var.tesseract_layer_arn == null ? [] : [var.tesseract_layer_arn]

  sqs_trigger = {
    queue_arn  = module.extract_text_queue.queue_arn
    batch_size = 1
  }

  # Lambda's Java runtime has no tesseract: the layer puts it under /opt (scanned pages and images need it; PDF
  # text layers do not).
  environment = merge(local.database_environment, local.buckets_environment, {
    MEDIA_AWS_EVENTS_TOPIC_ARN = aws_sns_topic.events.arn
    }, var.tesseract_layer_arn == null ? {} : {
    MEDIA_TEXT_TESSERACT_COMMAND = "/opt/bin/tesseract"
    TESSDATA_PREFIX              = "/opt/share/tessdata"
  })
  secret_arns = local.database_secrets

  policy_statements = [
    {
      sid       = "ReadOriginals"
      actions   = ["s3:GetObject", "s3:GetObjectVersion"]
      resources = [local.originals_objects]
    },
    {
      sid       = "WriteTextDocuments"
      actions   = ["s3:PutObject"]
      resources = [local.derived_objects]
    },
    {
      sid       = "PublishPipelineEvents"
      actions   = ["sns:Publish"]
      resources = [aws_sns_topic.events.arn]
    },
  ]
}

module "poll_usage" {
  source = "../modules/aws-function"

  name                = "${var.name_prefix}-poll-usage"
  artifact_path       = local.artifacts["poll-usage"]
  artifact_bucket     = module.artifacts_bucket.bucket_name
  main_class          = "dev.mediapipeline.fn.pollusage.aws.PollUsageLambda"
  function_definition = "pollUsageLambda"
  memory_mb           = local.settings["poll-usage"].memory_mb
  timeout_seconds     = local.settings["poll-usage"].timeout_seconds
  log_retention_days  = var.log_retention_days
  vpc                 = var.lambda_vpc

  async_failure_destination = { queue_arn = aws_sqs_queue.schedule_dead_letter.arn }

  environment = merge(local.database_environment, local.buckets_environment)
  secret_arns = merge(local.database_secrets, {
    CLOUDINARY_URL = aws_secretsmanager_secret.this["cloudinary_url"].arn
  })

  policy_statements = [{
    sid       = "MeasureBuckets"
    actions   = ["s3:ListBucket"]
    resources = [module.originals_bucket.bucket_arn, module.derived_bucket.bucket_arn]
  }]
}

module "clean_up_assets" {
  source = "../modules/aws-function"

  name                = "${var.name_prefix}-clean-up-assets"
  artifact_path       = local.artifacts["clean-up-assets"]
  artifact_bucket     = module.artifacts_bucket.bucket_name
  main_class          = "dev.mediapipeline.fn.cleanupassets.aws.CleanUpAssetsLambda"
  function_definition = "cleanUpAssetsLambda"
  memory_mb           = local.settings["clean-up-assets"].memory_mb
  timeout_seconds     = local.settings["clean-up-assets"].timeout_seconds
  log_retention_days  = var.log_retention_days
  vpc                 = var.lambda_vpc

  async_failure_destination = { queue_arn = aws_sqs_queue.schedule_dead_letter.arn }

  environment = merge(local.database_environment, local.buckets_environment)
  secret_arns = merge(local.database_secrets, {
    CLOUDINARY_URL = aws_secretsmanager_secret.this["cloudinary_url"].arn
  })

  policy_statements = [
    {
      sid       = "ListBuckets"
      actions   = ["s3:ListBucket", "s3:ListBucketVersions"]
      resources = [module.originals_bucket.bucket_arn, module.derived_bucket.bucket_arn]
    },
    {
      sid       = "DeleteOrphans"
      actions   = ["s3:DeleteObject", "s3:DeleteObjectVersion"]
      resources = [local.originals_objects, local.derived_objects]
    },
  ]
}
