namespace Tianxin.Identity;

/// <summary>
/// The domain services staff tokens may be for: each service's name is its staff scope and audience. The
/// AppHost names them (Identity:Services) as it wires each service, so identity lists none itself.
/// </summary>
public sealed record StaffScopes(IReadOnlyList<string> Services)
{
    public const string Section = "Identity:Services";

    public static StaffScopes From(IConfiguration configuration) => new(configuration.GetSection(Section).Get<string[]>() ?? []);
}
