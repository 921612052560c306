using System.Text.Json;

namespace Deployments.Cli.Connection;

/// <summary>
/// Reads and writes the profiles file. It holds keys, so it is created readable and writable by its
/// owner only (0600, its folder 0700) and put back to 0600 on every write, whatever it was before.
/// </summary>
internal sealed class ProfileStore(string path)
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = OwnerOnly | UnixFileMode.UserExecute;

    public string Path => path;

    public ProfilesFile Load()
    {
        if (!File.Exists(path))
        {
            return ProfilesFile.Empty;
        }

        var file = JsonSerializer.Deserialize<ProfilesFile>(File.ReadAllText(path), CliJson.Options);
        return file is null ? ProfilesFile.Empty : file with { Profiles = new Dictionary<string, Profile>(file.Profiles ?? [], StringComparer.Ordinal) };
    }

    public void Save(ProfilesFile profiles)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(path, JsonSerializer.Serialize(profiles, CliJson.Indented));
            return;
        }

        Directory.CreateDirectory(folder, OwnerOnlyFolder);
        // Write a fresh owner-only file and move it over the old one, so the key is never readable by others, not even for a moment.
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = OwnerOnly }))
        {
            JsonSerializer.Serialize(stream, profiles, CliJson.Indented);
        }

        File.SetUnixFileMode(temporary, OwnerOnly);
        File.Move(temporary, path, overwrite: true);
    }
}
