using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Tianxin.Identity.Data;

/// <summary>Staff accounts (ASP.NET Core Identity) and OpenIddict's clients, scopes, authorizations and tokens.</summary>
public sealed class IdentityDb(DbContextOptions<IdentityDb> options) : IdentityDbContext<StaffUser>(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();
    }
}

/// <summary>A member of federation staff. Role and area are claims: see <see cref="StaffClaims"/>.</summary>
public sealed class StaffUser : IdentityUser
{
    /// <summary>Name shown to colleagues, e.g. 王芳.</summary>
    public string DisplayName { get; set; } = string.Empty;
}
