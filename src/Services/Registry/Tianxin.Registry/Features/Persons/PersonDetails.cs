using System.Text.RegularExpressions;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.PersonalData;
using Tianxin.BuildingBlocks.Text;

namespace Tianxin.Registry.Features.Persons;

/// <summary>Name, phone, address and community as entered, trimmed; the same rules for REST, gRPC and imports.</summary>
public sealed record PersonDetails(string Name, string? Phone, string? Address, string CommunityCode)
{
    /// <summary>As the history keeps it: the phone masked, like every read without a stated purpose.</summary>
    public PersonDetails ForHistory() => this with { Phone = Phone is null ? null : Masking.Phone(Phone) };
}

public static partial class PersonDetailsRules
{
    public static async Task<PersonDetails> ValidateAsync(string? name, string? phone, string? address, string? communityCode,
        AreaScope scope, PersonStore store, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        var trimmedName = name?.Trim() ?? string.Empty;
        if (!ChineseName().IsMatch(trimmedName))
        {
            errors["name"] = ["姓名应为2至30个汉字，少数民族姓名可含“·” / A name is 2 to 30 Chinese characters, with · in minority names."];
        }
        var trimmedPhone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
        if (trimmedPhone is not null && !PhoneNumber().IsMatch(trimmedPhone))
        {
            errors["phone"] = ["电话应为11位手机号或区号加座机号 / A phone is an 11-digit mobile or an area code and landline number."];
        }
        var trimmedAddress = string.IsNullOrWhiteSpace(address) ? null : address.Trim();
        if (trimmedAddress is not null && !PlainText.IsValid(trimmedAddress, 200))
        {
            errors["address"] = ["地址不超过200字，不含控制字符 / An address has at most 200 characters, without control characters."];
        }
        var community = communityCode?.Trim() ?? string.Empty;
        if (!await store.IsCommunityAsync(community, cancellationToken))
        {
            errors["communityCode"] = ["社区代码不存在 / No community or village has this code."];
        }
        else if (!scope.Covers(community))
        {
            errors["communityCode"] = ["该社区不在您的辖区内 / This community is outside your area."];
        }
        return new PersonDetails(trimmedName, trimmedPhone, trimmedAddress, community);
    }

    [GeneratedRegex(@"^[\p{IsCJKUnifiedIdeographs}][\p{IsCJKUnifiedIdeographs}·]{0,28}[\p{IsCJKUnifiedIdeographs}]$")]
    private static partial Regex ChineseName();

    [GeneratedRegex(@"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")]
    private static partial Regex PhoneNumber();
}
