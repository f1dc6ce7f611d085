using SciaticaRelief.Core.Treatments;

namespace SciaticaRelief.Core.Tests.Treatments;

public sealed class LabelMaximumsTests
{
    [Theory]
    [InlineData("paracetamol", "US", 4000, "CLINICAL.md 7: US label, 4,000 mg in 24 h")]
    [InlineData("paracetamol", "GB", 4000, "CLINICAL.md 7: UK, 4,000 mg a day (8 x 500 mg)")]
    [InlineData("ibuprofen", "US", 1200, "CLINICAL.md 7: US, 6 x 200 mg")]
    [InlineData("ibuprofen", "GB", 1200, "CLINICAL.md 7: UK, 1,200 mg a day")]
    [InlineData("naproxen-sodium", "US", 660, "CLINICAL.md 7: US, 3 x 220 mg")]
    [InlineData("aspirin", "US", 4000, "CLINICAL.md 7: US, 4,000 mg in 24 h")]
    [InlineData("aspirin", "GB", 4000, "CLINICAL.md 7: UK, 4,000 mg a day")]
    public void RepositoryFile_HasTheValuesOfClinicalSection7(string id, string region, int mg, string why)
    {
        var ingredient = TreatmentContent.Labels.Find(id)!;
        var max = LabelMaximums.Resolve(ingredient, region);

        Assert.True(mg == max.Milligrams, why);
        Assert.False(max.IsFallback);
        Assert.True(max.Maximum.NeedsReview, "CLINICAL.md marks every label value [U]: review: needed");
        Assert.False(string.IsNullOrWhiteSpace(max.Maximum.Source));
    }

    [Fact]
    public void Resolve_NaproxenInGb_FallsBackToTheStrictestWithTheUkNote()
    {
        // The UK sells naproxen for period pain only: there is no UK value to check against.
        var max = LabelMaximums.Resolve(TreatmentContent.Labels.Find("naproxen-sodium")!, "GB");

        Assert.True(max.IsFallback);
        Assert.Equal("US", max.Maximum.Region);
        Assert.Contains("period pain", max.RegionNote, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_RegionWithoutValues_UsesTheLowestValueInTheFile()
    {
        var text = """
            fallback: strictest
            ingredients:
              - id: paracetamol
                name: Paracetamol
                maximums:
                  - { region: US, mg_per_24h: 4000, source: us label, review: needed }
                  - { region: GB, mg_per_24h: 3000, source: uk label, review: needed }
            """;
        var labels = LabelMaximums.Load("test.yaml", text);

        var max = LabelMaximums.Resolve(labels.Find("paracetamol")!, "DE");

        Assert.True(max.IsFallback);
        Assert.Equal(3000m, max.Milligrams);
        Assert.Equal("uk label", max.Maximum.Source);
    }

    [Fact]
    public void Find_ByAliasAndIgnoringCase_GivesTheSameIngredient()
    {
        var labels = TreatmentContent.Labels;

        Assert.Same(labels.Find("paracetamol"), labels.Find("Acetaminophen"));
        Assert.Null(labels.Find("codeine"));
    }

    [Theory]
    [InlineData("fallback: strictest\ningredients:\n  - id: x\n    name: X\n    maximums:\n      - { region: US, mg_per_24h: 100, review: needed }", "\"source\" is missing", "a value without its source")]
    [InlineData("fallback: strictest\ningredients:\n  - id: x\n    name: X\n    maximums:\n      - { region: US, mg_per_24h: 100, source: s }", "review: needed", "an unreviewed value not marked as such")]
    [InlineData("fallback: strictest\ningredients:\n  - id: x\n    name: X\n    maximums:\n      - { region: US, mg_per_24h: -5, source: s, review: needed }", "positive number", "a negative maximum")]
    [InlineData("fallback: strictest\ningredients:\n  - id: x\n    name: X\n    maximums:\n      - { region: USA, mg_per_24h: 5, source: s, review: needed }", "two-letter region", "a region that is not ISO alpha-2")]
    [InlineData("fallback: highest\ningredients:\n  - id: x\n    name: X\n    maximums:\n      - { region: US, mg_per_24h: 5, source: s, review: needed }", "\"fallback\" must be", "an undocumented fallback")]
    [InlineData("fallback: strictest\ningredients:\n  - id: x\n    name: X\n    maximums:\n      - { region: GB, note: none, source: s, review: needed }", "at least one region", "no number anywhere: nothing to check against")]
    [InlineData("fallback: strictest\ningredients: [", "line", "broken YAML")]
    public void Read_BadData_FailsNamingTheFile(string text, string expected, string why)
    {
        var (data, errors) = LabelMaximums.Read("label-maximums.yaml", text);

        Assert.Null(data);
        Assert.True(errors.Any(e => e.StartsWith("label-maximums.yaml", StringComparison.Ordinal) && e.Contains(expected, StringComparison.Ordinal)),
            why + ": " + string.Join(" | ", errors));
    }
}
