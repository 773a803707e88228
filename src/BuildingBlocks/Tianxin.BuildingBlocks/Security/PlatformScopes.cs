using Tianxin.Contracts;

namespace Tianxin.BuildingBlocks.Security;

/// <summary>
/// OAuth scopes. A service's own name is the scope staff front-ends ask for; partners get narrow
/// "&lt;service&gt;.&lt;thing&gt;.&lt;action&gt;" scopes, which each service declares in its contracts
/// (<see cref="PartnerScopesAttribute"/>). Every scope grants the audience of the service it starts with,
/// so a token for one service is refused by the others.
/// </summary>
public static class PlatformScopes
{
    /// <summary>Every partner scope a service declares; each is also an authorization policy of the same name.</summary>
    public static IReadOnlyList<string> Partner => PartnerScopeCatalog.All;

    /// <summary>The audience (service) a scope gives access to.</summary>
    public static string AudienceOf(string scope) => scope.Split('.')[0];
}
