using Tianxin.BuildingBlocks.Messaging;

namespace Tianxin.BuildingBlocks.Tests;

public sealed class MessageTypesTests
{
    [Fact]
    public void A_stored_type_name_resolves_to_the_same_type_and_carries_no_assembly_version()
    {
        var name = MessageTypes.NameOf(typeof(ReplayRequest));

        Assert.DoesNotContain("Version=", name, StringComparison.Ordinal);
        Assert.Equal(typeof(ReplayRequest), MessageTypes.Resolve(name));
    }

    [Fact]
    public void A_type_this_service_cannot_load_is_reported_by_name()
    {
        var error = Assert.Throws<InvalidOperationException>(() => MessageTypes.Resolve("Nowhere.Gone, Nowhere"));

        Assert.Contains("Nowhere.Gone", error.Message, StringComparison.Ordinal);
    }
}
