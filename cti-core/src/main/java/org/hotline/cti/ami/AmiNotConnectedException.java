package org.hotline.cti.ami;

/** An action could not be sent, or lost its answer, because the AMI connection is not logged in. */
public class AmiNotConnectedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that names the state and the last error. */
    public AmiNotConnectedException(String message) {
        super(message);
    }
}
