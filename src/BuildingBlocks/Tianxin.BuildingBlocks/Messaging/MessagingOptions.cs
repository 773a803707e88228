namespace Tianxin.BuildingBlocks.Messaging;

/// <summary>Settings under "Messaging" in configuration; the defaults suit production.</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>Redeliveries of a failing message before it goes to its <c>_error</c> queue.</summary>
    public int RetryLimit { get; set; } = 5;
    public TimeSpan RetryMinInterval { get; set; } = TimeSpan.FromMilliseconds(200);
    public TimeSpan RetryMaxInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Redeliveries while the failure is an outage (the database or the network away, see <see cref="Outages"/>), backing
    /// off to <see cref="OutageRetryMaxInterval"/>: by default about 27 minutes before the message goes to its <c>_error</c>
    /// queue, so that a restarted database or a failover does not leave copies stale until someone replays by hand.
    /// </summary>
    public int OutageRetryLimit { get; set; } = 15;
    public TimeSpan OutageRetryMaxInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Outbox rows claimed and published per relay round trip.</summary>
    public int RelayBatchSize { get; set; } = 200;
    /// <summary>How long one publish may wait for the broker before the row is retried later.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>Safety net behind LISTEN/NOTIFY: the relay also looks every so often (and for retries that come due).</summary>
    public TimeSpan RelayPollInterval { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan RelayMaxBackoff { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>
    /// Tries of an outbox row this service cannot read back as a message before it goes to the outbox's dead letters
    /// (about 13 minutes with the default back-off: long enough for a rolling deployment to finish).
    /// </summary>
    public int RelayUnreadableAttempts { get; set; } = 10;

    public TimeSpan OutboxRetention { get; set; } = TimeSpan.FromDays(7);
    /// <summary>Must outlast any redelivery: a message redelivered after its inbox row is gone would apply twice.</summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(30);
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);
}
