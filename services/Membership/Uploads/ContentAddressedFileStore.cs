using System.Security.Cryptography;
using Changxing.Messaging.Data;
using Microsoft.Extensions.Options;

namespace Changxing.Membership.Uploads;

/// <summary>
/// Keeps uploaded files on disk outside the database, named by the SHA-256 of their content
/// (<c>{root}/ab/abcdef...</c>): the same file uploaded twice is stored once and a stored file never changes.
/// </summary>
public sealed class ContentAddressedFileStore
{
    public ContentAddressedFileStore(IOptions<MembershipOptions> options, IConfiguration configuration)
    {
        var configured = options.Value.UploadDirectory;
        if (string.IsNullOrWhiteSpace(configured))
        {
            var data = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.DataDirectory ?? new DatabaseOptions().DataDirectory;
            configured = Path.Combine(data, "membership-uploads");
        }

        Root = Path.GetFullPath(configured);
    }

    public string Root { get; }

    /// <summary>Stores the content and returns its SHA-256 (lower-case hex).</summary>
    public async Task<string> SaveAsync(Stream content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Root);
        var temporary = Path.Combine(Root, $".upload-{Guid.NewGuid():N}");
        string hash;
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    sha.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            }

            var target = PathOf(hash);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (!File.Exists(target))
            {
                File.Move(temporary, target, overwrite: true);
            }
        }
        finally
        {
            File.Delete(temporary);
        }

        return hash;
    }

    public Stream? OpenRead(string sha256) =>
        IsHash(sha256) && File.Exists(PathOf(sha256)) ? File.OpenRead(PathOf(sha256)) : null;

    private string PathOf(string sha256) => Path.Combine(Root, sha256[..2], sha256);

    private static bool IsHash(string value) => value.Length == 64 && value.All(char.IsAsciiHexDigitLower);
}
