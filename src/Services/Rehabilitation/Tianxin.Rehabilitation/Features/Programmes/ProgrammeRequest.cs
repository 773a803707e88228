namespace Tianxin.Rehabilitation.Features.Programmes;

/// <param name="Code">Stable short name shared across years, e.g. child_aid, hearing_aids, assistive_devices.</param>
/// <param name="RequiredStatuses">registered_poor, minimum_living, extreme_poverty: any one of them is required.</param>
/// <param name="AmountPerCase">Yuan committed by each approval (two decimals at most).</param>
/// <param name="Institutions">Client ids of the contracted partner institutions.</param>
/// <param name="Version">Required when changing a programme: the version read.</param>
public sealed record ProgrammeRequest(
    string? Code, int? Year, string? Name, int? MinAge, int? MaxAge, int[]? Categories, int[]? Grades, bool? RequiresCertificate,
    string[]? RequiredStatuses, decimal? AmountPerCase, decimal? Budget, string[]? Institutions, int? Version = null);
