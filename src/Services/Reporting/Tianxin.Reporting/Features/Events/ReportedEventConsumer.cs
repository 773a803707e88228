using MassTransit;
using Npgsql;
using Tianxin.BuildingBlocks.Messaging;

namespace Tianxin.Reporting.Features.Events;

/// <summary>Counts one event once, whatever the redelivery: the inbox row, the stored event and its facts commit together.</summary>
public sealed class ReportedEventConsumer<TEvent>(NpgsqlDataSource dataSource) : IConsumer<TEvent> where TEvent : class
{
    public Task Consume(ConsumeContext<TEvent> context) =>
        Inbox.ApplyOnceAsync(dataSource, context, "Tianxin.Reporting." + typeof(TEvent).Name,
            transaction => EventStore.AppendAsync(transaction, context.MessageId!.Value, context.Message, context.CancellationToken));
}
