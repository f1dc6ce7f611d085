using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using SciaticaRelief.Data;
using SciaticaRelief.Web.Tests.Infrastructure;

namespace SciaticaRelief.Web.Tests.Data;

/// <summary>
/// STYLE.md's key rule, read from the EF model: every health table has the Person's id first in its
/// primary key and in every foreign key to another health table (Citus shards by it). Accounts,
/// install settings and keys are the only tables outside the rule, and they are listed by name.
/// </summary>
public sealed class KeyRuleTests
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task EveryHealthEntity_HasThePersonIdInItsPrimaryKeyAndForeignKeys(string provider)
    {
        await using var app = await TestApp.CreateAsync(provider);
        using var scope = app.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<ReliefDbContext>().Model;
        var health = model.GetEntityTypes().Where(e => !e.IsOwned() && !ReliefDbContext.NonHealthEntities.Contains(e.ClrType)).ToList();
        var problems = new List<string>();

        foreach (var entity in health)
        {
            var key = entity.FindPrimaryKey()!;
            if (key.Properties[0].Name != "PersonId")
            {
                problems.Add($"{entity.ClrType.Name}: primary key ({string.Join(", ", key.Properties.Select(p => p.Name))}) does not start with PersonId");
            }
            foreach (var fk in entity.GetForeignKeys().Where(fk => health.Contains(fk.PrincipalEntityType)))
            {
                if (!fk.Properties.Any(p => p.Name == "PersonId"))
                {
                    problems.Add($"{entity.ClrType.Name} -> {fk.PrincipalEntityType.ClrType.Name}: foreign key ({string.Join(", ", fk.Properties.Select(p => p.Name))}) lacks PersonId");
                }
            }
            if (entity.GetDeclaredQueryFilters().Count == 0)
            {
                problems.Add($"{entity.ClrType.Name}: no owner query filter");
            }
        }

        Assert.NotEmpty(health);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void NonHealthEntities_AreOnlyAccountsSettingsAndKeys()
    {
        var names = ReliefDbContext.NonHealthEntities.Select(t => t.Name).Order(StringComparer.Ordinal).ToList();

        Assert.All(names, n => Assert.True(
            n.StartsWith("Identity", StringComparison.Ordinal) || n is "ReliefUser" or "DataProtectionKey" or "AccessToken" or "SetupSecret" or "InstallSettings" or "FeedToken" or "TherapistInvite",
            $"{n} is listed outside the key rule"));
    }
}
