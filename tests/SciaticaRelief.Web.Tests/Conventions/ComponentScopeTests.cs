using System.Reflection;
using Microsoft.AspNetCore.Components;
using SciaticaRelief.Data;

namespace SciaticaRelief.Web.Tests.Conventions;

/// <summary>
/// A page's child components start loading side by side: two of them sharing the request's DbContext
/// run two queries at once, which PostgreSQL refuses ("a second operation was started on this context")
/// while SQLite, answering at once, hid it until the app was served on PostgreSQL. So a component that
/// is not a page and loads data through anything that needs the DbContext has its own scope.
/// </summary>
public sealed class ComponentScopeTests
{
    [Fact]
    public void ComponentsThatLoadData_BesideAPage_HaveTheirOwnScope()
    {
        var components = typeof(SciaticaRelief.Web.SharedText).Assembly.GetTypes()
            .Where(t => typeof(ComponentBase).IsAssignableFrom(t) && !t.IsAbstract && !t.GetCustomAttributes<RouteAttribute>().Any());
        var offenders = new List<string>();
        var checkedAny = false;
        foreach (var component in components)
        {
            foreach (var property in component.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                         .Where(p => p.GetCustomAttribute<InjectAttribute>() is not null))
            {
                if (NeedsTheDbContext(property.PropertyType, []))
                {
                    offenders.Add($"{component.FullName} injects {property.PropertyType.Name}: derive from OwningComponentBase and resolve it from ScopedServices");
                }
            }
            if (component.IsSubclassOf(typeof(OwningComponentBase)))
            {
                checkedAny = true;
            }
        }

        Assert.True(checkedAny, "no component has its own scope: the convention has nothing to hold");
        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    [Fact]
    public void NeedsTheDbContext_SeesItThroughAService()
    {
        // The check itself: a service whose constructor takes the context, directly or through another.
        Assert.True(NeedsTheDbContext(typeof(SciaticaRelief.Web.Triage.TriageService), []));
        Assert.True(NeedsTheDbContext(typeof(SciaticaRelief.Web.Api.SuggestsCareGate), []));
        Assert.False(NeedsTheDbContext(typeof(NavigationManager), []));
    }

    private static bool NeedsTheDbContext(Type type, HashSet<Type> seen)
    {
        if (typeof(ReliefDbContext).IsAssignableFrom(type))
        {
            return true;
        }
        if (type.Namespace?.StartsWith("SciaticaRelief", StringComparison.Ordinal) != true || !seen.Add(type))
        {
            return false;
        }
        return type.GetConstructors().SelectMany(c => c.GetParameters()).Any(p => NeedsTheDbContext(p.ParameterType, seen));
    }
}
