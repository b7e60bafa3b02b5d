package org.jkeepalived.ipvs.api;

/** One change of a data plane's table: one IPVS command. */
public sealed interface Operation {

    /** @return the service it changes */
    ServiceKey serviceKey();

    /**
     * Carries the operation out.
     *
     * @param plane the data plane
     * @throws DataPlaneException as the data plane's method throws it
     */
    void applyTo(DataPlane plane) throws DataPlaneException;

    /** @param service the service to add */
    record NewService(VirtualService service) implements Operation {
        @Override
        public ServiceKey serviceKey() {
            return service.key();
        }

        @Override
        public void applyTo(DataPlane plane) throws DataPlaneException {
            plane.newService(service);
        }
    }

    /** @param service the service's new attributes */
    record SetService(VirtualService service) implements Operation {
        @Override
        public ServiceKey serviceKey() {
            return service.key();
        }

        @Override
        public void applyTo(DataPlane plane) throws DataPlaneException {
            plane.setService(service);
        }
    }

    /** @param serviceKey the service to remove */
    record DeleteService(ServiceKey serviceKey) implements Operation {
        @Override
        public void applyTo(DataPlane plane) throws DataPlaneException {
            plane.deleteService(serviceKey);
        }
    }

    /**
     * @param serviceKey the service
     * @param destination the destination to add
     */
    record NewDestination(ServiceKey serviceKey, Destination destination) implements Operation {
        @Override
        public void applyTo(DataPlane plane) throws DataPlaneException {
            plane.newDestination(serviceKey, destination);
        }
    }

    /**
     * @param serviceKey the service
     * @param destination the destination's new attributes
     */
    record SetDestination(ServiceKey serviceKey, Destination destination) implements Operation {
        @Override
        public void applyTo(DataPlane plane) throws DataPlaneException {
            plane.setDestination(serviceKey, destination);
        }
    }

    /**
     * @param serviceKey the service
     * @param destination the destination to remove
     */
    record DeleteDestination(ServiceKey serviceKey, DestinationKey destination) implements Operation {
        @Override
        public void applyTo(DataPlane plane) throws DataPlaneException {
            plane.deleteDestination(serviceKey, destination);
        }
    }
}
