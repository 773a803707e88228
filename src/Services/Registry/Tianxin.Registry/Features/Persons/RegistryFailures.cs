using Tianxin.BuildingBlocks.Outcomes;

namespace Tianxin.Registry.Features.Persons;

/// <summary>The registry's refusals that several use cases share, in Chinese and English.</summary>
public static class RegistryFailures
{
    public static Failure.NotFound NoSuchPerson { get; } = new("您的辖区内没有该残疾人 / No such person in your area");

    public static Failure.Conflict Closed { get; } = new("该记录已注销 / This record is closed",
        "The person died or moved out of the district; a closed record is kept but not changed.", "closed");

    public static Failure.Duplicate AlreadyRegistered { get; } = new("该身份证号码已登记 / This ID number is already registered",
        "A person with this ID number exists. Find them by ID number instead of registering again.");
}
