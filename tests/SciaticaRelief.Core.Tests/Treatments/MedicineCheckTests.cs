using SciaticaRelief.Core.Treatments;

namespace SciaticaRelief.Core.Tests.Treatments;

/// <summary>The label-maximum check (CLINICAL.md section 7): a table of cases, each saying why.</summary>
public sealed class MedicineCheckTests
{
    private static readonly DateTime At = new(2026, 11, 25, 20, 0, 0, DateTimeKind.Utc);
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static DoseTaken Dose(double hoursBefore, string ingredient, decimal mg, string? product = null) =>
        new(Guid.NewGuid(), At.AddHours(-hoursBefore), ingredient, product, mg);

    public sealed record Row(DoseTaken[] Doses, string Ingredient, string Region, string? Rule, string Why)
    {
        public override string ToString() => Why;
    }

    public static TheoryData<Row> Rows { get; } = new()
    {
        new([Dose(0, "paracetamol", 1000, "Paracetamol 500 mg tablets"), Dose(6, "paracetamol", 1000, "Paracetamol 500 mg tablets"), Dose(12, "paracetamol", 1000, "Paracetamol 500 mg tablets"),
             Dose(18, "paracetamol", 1000, "Cold and flu capsules")],
            "paracetamol", "GB", null, "exactly at the maximum (4,000 mg) is not a warning: the label allows it"),
        new([Dose(0, "paracetamol", 1000, "Cold and flu capsules"), Dose(6, "paracetamol", 1000, "Paracetamol tablets"), Dose(12, "paracetamol", 1000, "Paracetamol tablets"),
             Dose(18, "paracetamol", 1000, "Paracetamol tablets"), Dose(20, "paracetamol", 500, "Paracetamol tablets")],
            "paracetamol", "GB", MedicineCheck.OverMaximumRule, "the same ingredient from two products adds up: 4,500 mg in 24 h is over 4,000"),
        new([Dose(0, "ibuprofen", 200), Dose(4, "ibuprofen", 1001)],
            "ibuprofen", "US", MedicineCheck.OverMaximumRule, "just over the maximum (1,201 mg against 1,200) warns"),
        new([Dose(0, "ibuprofen", 800), Dose(25, "ibuprofen", 800)],
            "ibuprofen", "US", null, "doses 25 hours apart are in different 24-hour windows and do not add up"),
        new([Dose(0, "ibuprofen", 800), Dose(24, "ibuprofen", 800)],
            "ibuprofen", "US", null, "a dose exactly 24 hours earlier has left the window (it is (at - 24 h, at])"),
        new([Dose(0, "ibuprofen", 800), Dose(23.9, "ibuprofen", 800)],
            "ibuprofen", "US", MedicineCheck.OverMaximumRule, "23.9 hours earlier is still inside the window"),
        new([Dose(0, "ibuprofen", 800), Dose(-2, "ibuprofen", 800)],
            "ibuprofen", "US", null, "a dose logged for later than this one is not in the 24 hours up to it"),
        new([Dose(0, "paracetamol", 1000), Dose(2, "ibuprofen", 1000), Dose(4, "aspirin", 3500)],
            "paracetamol", "US", null, "different ingredients do not add up"),
        new([Dose(0, "acetaminophen", 3000, "US brand"), Dose(3, "paracetamol", 1500, "UK brand")],
            "paracetamol", "US", MedicineCheck.OverMaximumRule, "acetaminophen is paracetamol: the alias counts with the id"),
        new([Dose(0, "naproxen-sodium", 440), Dose(8, "naproxen-sodium", 440)],
            "naproxen-sodium", "GB", MedicineCheck.OverMaximumRule, "no UK value for naproxen: the strictest label (US 660 mg) is used"),
        new([Dose(0, "ibuprofen", 800), Dose(6, "ibuprofen", 600)],
            "ibuprofen", "DE", MedicineCheck.OverMaximumRule, "a region without values uses the strictest value in the file"),
        new([Dose(0, "paracetamol", 1000, "Cold remedy"), Dose(3, "paracetamol", 1000, "Tablets")],
            "paracetamol", "GB", MedicineCheck.SeveralProductsRule, "two products with the same ingredient under the maximum: said, as information"),
        new([Dose(0, "codeine", 30)],
            "codeine", "GB", MedicineCheck.UnknownIngredientRule, "an ingredient without label data cannot be checked: it says so rather than staying silent"),
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Check_Table(Row row)
    {
        var warnings = MedicineCheck.Check(At, row.Doses, [row.Ingredient], TreatmentContent.Labels, row.Region, London);

        if (row.Rule is null)
        {
            Assert.DoesNotContain(warnings, w => w.Level >= WarningLevel.Caution);
            Assert.DoesNotContain(warnings, w => w.RuleId == MedicineCheck.OverMaximumRule);
        }
        else
        {
            Assert.Contains(warnings, w => w.RuleId == row.Rule);
        }
    }

    [Fact]
    public void Check_OverTheMaximum_NamesTheProductsTheMaximumAndItsSource()
    {
        var doses = new[] { Dose(0, "paracetamol", 1000, "Cold and flu capsules"), Dose(5, "paracetamol", 3500, "Paracetamol tablets") };

        var w = Assert.Single(MedicineCheck.Check(At, doses, ["paracetamol"], TreatmentContent.Labels, "GB", London));

        Assert.Equal(WarningLevel.Warning, w.Level);
        Assert.Contains("4,500 mg", w.Message, StringComparison.Ordinal);
        Assert.Contains("Cold and flu capsules", w.Message, StringComparison.Ordinal);
        Assert.Contains("Paracetamol tablets", w.Message, StringComparison.Ordinal);
        Assert.Contains("4,000 mg in 24 hours", w.Message, StringComparison.Ordinal);
        Assert.Contains("UK OTC label", w.Source, StringComparison.Ordinal);
        Assert.Contains("review", w.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_Fallback_SaysWhichLabelAndWhy()
    {
        var doses = new[] { Dose(0, "naproxen-sodium", 440), Dose(8, "naproxen-sodium", 440) };

        var w = Assert.Single(MedicineCheck.Check(At, doses, ["naproxen-sodium"], TreatmentContent.Labels, "GB", London));

        Assert.Contains("strictest label", w.Message, StringComparison.Ordinal);
        Assert.Contains("from US", w.Message, StringComparison.Ordinal);
        Assert.Contains("period pain", w.Message, StringComparison.Ordinal);
        Assert.Contains("US OTC Drug Facts", w.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NeverAdvisesADose()
    {
        // PRODUCT.md / CLINICAL.md: the product records and warns; it never says how much to take.
        var doses = new[] { Dose(0, "ibuprofen", 2000, "Tablets"), Dose(1, "paracetamol", 1000, "A"), Dose(2, "paracetamol", 1000, "B") };

        var warnings = MedicineCheck.Check(At, doses, ["ibuprofen", "paracetamol"], TreatmentContent.Labels, "US", London);

        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w =>
        {
            Assert.DoesNotContain("you can take", w.Message, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("take another", w.Message, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("next dose", w.Message, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("remaining", w.Message, StringComparison.OrdinalIgnoreCase);
        });
    }
}
