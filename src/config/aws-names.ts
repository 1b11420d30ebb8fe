// Names AWS gives meaning to (bucket, key prefix, topic ARN), checked before anything is sent. parseConfig checks
// the inputs with these; the adapters check again, so a caller that skips parseConfig cannot send a bad one.

const defaultPrefix = 'schema-drift/';

/** Checks an S3 bucket name against S3's naming rules, naming the bad value. */
export function validateBucketName(bucket: string): string {
  const problem =
    bucket.length < 3 || bucket.length > 63
      ? 'must be 3-63 characters'
      : !/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(bucket)
        ? "may hold only lower-case letters, digits, '.' and '-', starting and ending with a letter or digit"
        : bucket.includes('..')
          ? "must not contain '..'"
          : /^\d+\.\d+\.\d+\.\d+$/.test(bucket)
            ? 'must not look like an IP address'
            : null;
  if (problem) throw new Error(`Invalid s3-bucket "${bucket}": a bucket name ${problem}`);
  return bucket;
}

/** Normalises s3-prefix: '' is the bucket root, a missing trailing '/' is added, a leading '/' is refused. */
export function normalizePrefix(prefix: string | undefined): string {
  if (prefix === undefined) return defaultPrefix;
  if (prefix === '') return '';
  if (prefix.startsWith('/')) {
    throw new Error(`Invalid s3-prefix "${prefix}": must not start with '/' (S3 keys have no leading slash)`);
  }
  if (/[\p{Cc}\\]/u.test(prefix)) {
    throw new Error(`Invalid s3-prefix ${JSON.stringify(prefix)}: control characters and '\\' are not allowed`);
  }
  const normalized = prefix.endsWith('/') ? prefix : `${prefix}/`;
  if (
    normalized
      .split('/')
      .slice(0, -1)
      .some((segment) => segment === '' || segment === '.' || segment === '..')
  ) {
    throw new Error(`Invalid s3-prefix "${prefix}": empty, '.' and '..' path segments are not allowed`);
  }
  return normalized;
}

const topicArnPattern = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}(\.fifo)?$/;

/** Checks an SNS topic ARN (input sns-topic-arn), naming the bad value. */
export function validateTopicArn(topicArn: string): string {
  if (!topicArnPattern.test(topicArn)) {
    throw new Error(`Invalid sns-topic-arn: "${topicArn}" is not an SNS topic ARN (arn:aws:sns:REGION:ACCOUNT:NAME)`);
  }
  return topicArn;
}
