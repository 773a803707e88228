using MassTransit;
using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.Contracts.Registry;
using Tianxin.Relief.Features.Cases;

namespace Tianxin.Relief.Features.Enrolments;

/// <summary>Every registry event that can change whether someone is owed a subsidy or an offer, on relief's own discovery queue.</summary>
public sealed class SubsidyDiscoveryConsumer(NpgsqlDataSource dataSource, SubsidyDiscovery discovery, AssessmentFeeOffer assessmentFee) :
    IConsumer<PersonRegistered>, IConsumer<PersonDetailsChanged>, IConsumer<PersonClosed>, IConsumer<CertificateChanged>,
    IConsumer<HouseholdChanged>, IConsumer<EligibilityFactsRefreshed>
{
    public Task Consume(ConsumeContext<PersonRegistered> context) =>
        ApplyAsync(context, new FactsChange("registered", context.Message.OccurredAt.DayInChina(), null));

    public Task Consume(ConsumeContext<PersonDetailsChanged> context) =>
        ApplyAsync(context, new FactsChange("details_changed", context.Message.OccurredAt.DayInChina(), null));

    public Task Consume(ConsumeContext<PersonClosed> context) =>
        ApplyAsync(context, new FactsChange("closed", context.Message.ClosedOn, context.Message.Reason, context.Message.Person.PersonId));

    /// <summary>Also offers the assessment fee subsidy on a first certificate.</summary>
    public Task Consume(ConsumeContext<CertificateChanged> context) =>
        ApplyAsync(context, new FactsChange("certificate_" + context.Message.Change, context.Message.EffectiveOn, context.Message.Change switch
        {
            "revoked" => "certificate_revoked",
            "expired" => "certificate_expired",
            "reassessed" => "out_of_grade",
            _ => null,
        }, context.Message.PersonId), context.Message is { Change: "issued" } issued
            ? transaction => assessmentFee.OfferAsync(transaction, issued.Facts[0], issued.CertificateId, issued.EffectiveOn, context.CancellationToken)
            : null);

    public Task Consume(ConsumeContext<HouseholdChanged> context) =>
        ApplyAsync(context, new FactsChange("household_" + context.Message.Change, context.Message.EffectiveOn,
            context.Message is { Change: "status_ended", Status: HouseholdStatuses.MinimumLiving } ? "left_minimum_living" : null));

    public Task Consume(ConsumeContext<EligibilityFactsRefreshed> context) =>
        ApplyAsync(context, new FactsChange("facts_refreshed", context.Message.OccurredAt.DayInChina(), null));

    private Task ApplyAsync<TEvent>(ConsumeContext<TEvent> context, FactsChange change, Func<NpgsqlTransaction, Task>? also = null)
        where TEvent : class, IChangesEligibility =>
        Inbox.ApplyOnceAsync(dataSource, context, nameof(SubsidyDiscoveryConsumer), async transaction =>
        {
            foreach (var facts in context.Message.Facts)
            {
                await discovery.ApplyAsync(transaction, facts, change, context.CancellationToken);
            }
            if (also is not null)
            {
                await also(transaction);
            }
        });
}
