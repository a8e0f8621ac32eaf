namespace Changxing.Membership.Uploads;

public enum UploadKind
{
    /// <summary>A photo of an ID card side: JPEG or PNG.</summary>
    IdImage,

    /// <summary>A face video (人脸识别视频): MP4, QuickTime or WebM.</summary>
    FaceVideo,
}
