using Tianxin.Contracts.Registry;
using Tianxin.Registry.Features.Persons;

namespace Tianxin.Registry.Features.Certificates;

/// <param name="Number">Masked like the ID number it starts with, unless the caller may see the full number.</param>
public sealed record CertificateView(
    Guid Id, string Number, int Category, string CategoryName, int Grade, bool Severe, DateOnly IssuedOn, DateOnly ValidUntil,
    string Status);

public static class CertificateViews
{
    public static CertificateView View(this CertificateRow row, string shownIdNumber) =>
        new(row.Id, CertificateNumber.Format(shownIdNumber, row.Category, row.Grade), row.Category,
            DisabilityCategories.Names[row.Category], row.Grade, DisabilityCategories.IsSevere(row.Grade), row.IssuedOn,
            row.ValidUntil, row.Status);
}
