using Microsoft.Extensions.Options;
using SciaticaRelief.Core.Modalities;
using SciaticaRelief.Core.Treatments;
using SciaticaRelief.Web.Startup;

namespace SciaticaRelief.Web.Treatments;

/// <summary>
/// The treatment log's services. The modality catalogue and the label maximums are read once from
/// the content folder (<see cref="ContentOptions"/>) into singletons; <see cref="TreatmentContentCheck"/>
/// loads both while the host starts, so a bad file stops the start with a message naming the file
/// rather than failing the first request that needs it.
/// </summary>
public static class TreatmentRegistration
{
    public const string ModalitiesFolder = "modalities";
    public const string LabelMaximumsFile = "medicines/label-maximums.yaml";

    public static IServiceCollection AddTreatments(this IServiceCollection services)
    {
        services.AddSingleton(sp => LoadCatalog(sp.GetRequiredService<IOptions<ContentOptions>>().Value));
        services.AddSingleton(sp => LoadLabels(sp.GetRequiredService<IOptions<ContentOptions>>().Value));
        services.AddHostedService<TreatmentContentCheck>();
        services.AddScoped<TreatmentService>();
        services.AddScoped<EarSeedService>();
        return services;
    }

    public static ModalityCatalog LoadCatalog(ContentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var folder = options.PathOf(ModalitiesFolder);
        if (!Directory.Exists(folder))
        {
            throw new ContentException($"The modality catalogue folder {folder} does not exist (Content:Folder).");
        }
        var files = Directory.GetFiles(folder, "*.md", SearchOption.TopDirectoryOnly)
            .Select(f => new ContentFile(Path.Combine(ModalitiesFolder, Path.GetFileName(f)), File.ReadAllText(f)))
            .ToList();
        return ModalityCatalog.Load(files);
    }

    public static LabelMaximums LoadLabels(ContentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = Path.Combine(options.Folder, LabelMaximumsFile);
        if (!File.Exists(path))
        {
            throw new ContentException($"The label maximums file {path} does not exist (Content:Folder).");
        }
        return LabelMaximums.Load(LabelMaximumsFile, File.ReadAllText(path));
    }
}

/// <summary>Loads the treatment content at start: an exception here stops the host, naming the bad file.</summary>
public sealed class TreatmentContentCheck(IServiceProvider services, ILogger<TreatmentContentCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var catalog = services.GetRequiredService<ModalityCatalog>();
        var labels = services.GetRequiredService<LabelMaximums>();
        logger.LogInformation("Loaded {Modalities} modalities and label maximums for {Ingredients} ingredients.", catalog.All.Count, labels.Ingredients.Count);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
